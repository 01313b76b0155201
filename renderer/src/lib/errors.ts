/** A message fit to show a user, whatever was thrown. */
export function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  // Electron's ipcRenderer.invoke wraps handler errors: keep only our message.
  const msg = raw.replace(/^Error invoking remote method '[^']*':\s*(\w*Error:\s*)?/, '').trim();
  return msg || 'Đã có lỗi khi tra cứu. Xin thử lại.';
}
