import {
  Combobox,
  type CSSVariablesResolver,
  createTheme,
  FileInput,
  type MantineThemeOverride,
  Modal,
  MultiSelect,
  Notification,
  Select,
} from '@mantine/core';

/**
 * Shade 8 for filled colours keeps white text at 4.5:1 or more (Mantine's default shade 6 does not),
 * so buttons and links pass the contrast checks. Icon-only close buttons get a name in the UI language.
 */
export function buildTheme(labels: { close: string; clearSelection: string }): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': labels.close };
  const clearButtonProps = { 'aria-label': labels.clearSelection };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      // Closed option lists are unmounted: kept hidden in the DOM, each one also answered to its field's label.
      Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
      // A searchable list opens when clicked or typed in, not when the focus arrives: tabbing through a form
      // (or the focus moved to the first wrong field) must not drop a list over the fields below.
      Select: Select.extend({ defaultProps: { clearButtonProps, openOnFocus: false } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps, openOnFocus: false } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      // A file field's placeholder is the text of a button (not an input's placeholder): it must be readable.
      FileInput: FileInput.extend({ styles: { placeholder: { color: 'var(--mantine-color-gray-7)' } } }),
    },
  });
}

/**
 * Darker dimmed and error text than Mantine's defaults, for the same reason. Light variants (shade-9 text
 * on shade 1) hover to the paler shade 0 instead of shade 2, where the text would drop below 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  };
  for (const color of Object.keys(resolvedTheme.colors)) {
    light[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-0)`;
  }
  return { variables: {}, light, dark: {} };
};
