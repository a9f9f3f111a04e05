/** Column widths of app tables: name, bundle id, version, group, installs, renewal date. */
export const APP_COLUMN_WIDTHS = ['16%', '18%', '8%', '14%', '11%', '33%'] as const;
