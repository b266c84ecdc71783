/** Placeholder until the training screens land. */
export function ProgramPage() {
  return null;
}
