/** Placeholder until the training screens land. */
export function ProgramFormPage() {
  return null;
}
