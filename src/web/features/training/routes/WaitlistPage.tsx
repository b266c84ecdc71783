/** Placeholder until the training screens land. */
export function WaitlistPage() {
  return null;
}
