/** An error whose message is meant for the user (Vietnamese) and may cross the boundary as is. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/** What the user sees for any error: its own message if it is meant for them, a calm generic one otherwise. */
export function userMessage(err: unknown): string {
  return err instanceof UserFacingError
    ? err.message
    : 'Đã xảy ra lỗi khi xử lý yêu cầu. Hãy thử lại; nếu lỗi lặp lại, hãy khởi động lại ứng dụng.';
}
