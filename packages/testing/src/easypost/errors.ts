import { HttpResponse } from 'msw';

/**
 * EasyPost's error answer: `{ error: { code, message, errors } }`.
 *
 * @example
 * return easypostErrorResponse(404, 'NOT_FOUND', 'The requested resource could not be found.');
 */
export function easypostErrorResponse(
  status: number,
  code: string,
  message: string,
  errors: readonly { field: string; message: string }[] = [],
): Response {
  return HttpResponse.json({ error: { code, message, errors } }, { status });
}
