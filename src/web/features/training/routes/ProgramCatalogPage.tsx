/** Placeholder until the training screens land. */
export function ProgramCatalogPage() {
  return null;
}
