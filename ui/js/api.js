// The only way the UI talks to Rapport: typed commands, and errors as {code, message, field}.

export class AppError extends Error {
  constructor({ code = 'unknown', message = 'Something went wrong.', field = null, matches = null } = {}) {
    super(message);
    this.code = code;
    this.field = field;
    this.matches = matches;
  }
}

export function toAppError(error) {
  if (error instanceof AppError) return error;
  if (error && typeof error === 'object' && typeof error.code === 'string') return new AppError(error);
  return new AppError({ message: String(error?.message ?? error) });
}

export async function call(command, args = {}) {
  try {
    return await window.__TAURI__.core.invoke(command, args);
  } catch (error) {
    throw toAppError(error);
  }
}

export function listen(event, handler) {
  return window.__TAURI__.event.listen(event, handler);
}

/** Sends `bytes` as the raw body of a command (a file travels once, without JSON encoding). */
export async function callWithBytes(command, bytes, headers = {}) {
  try {
    return await window.__TAURI__.core.invoke(command, bytes, { headers });
  } catch (error) {
    throw toAppError(error);
  }
}

/** A channel a long command reports its progress on. */
export function progressChannel(onProgress) {
  const channel = new window.__TAURI__.core.Channel();
  channel.onmessage = onProgress;
  return channel;
}
