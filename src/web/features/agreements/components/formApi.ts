/** What Mantine's `getInputProps` gives an input (its own type is not exported by name). */
export interface InputProps {
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own shape
  onChange: any;
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own shape
  value?: any;
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own shape
  error?: any;
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own shape
  onFocus?: any;
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own shape
  onBlur?: any;
}
