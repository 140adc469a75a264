import { ForbiddenException, Logger, type ArgumentsHost } from '@nestjs/common';
import { AppError, appErrorOfSqlState, errorCodeOfStatus, HTTP_STATUS, type ErrorCode } from '@pressroom/common';
import { AppExceptionFilter } from './app-exception.filter.js';
import { toAppError } from './to-app-error.js';

/** What the filter answers over HTTP for `exception`. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    code: (status: number) => ((sent.status = status), response),
    send: (body: Record<string, unknown>) => (sent.body = body),
    header: () => response,
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) };
  new AppExceptionFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('the error map', () => {
  beforeAll(() => Logger.overrideLogger(false)); // the unexpected error is logged: keep the output clean
  const codes = Object.keys(HTTP_STATUS).filter((c) => c !== 'INTERNAL_SERVER_ERROR') as ErrorCode[];

  it.each(codes)('answers %s with its one HTTP status, and reads that status back as the code', (code) => {
    expect(answer(new AppError('x', code))).toMatchObject({ status: HTTP_STATUS[code], body: { code } });
    expect(errorCodeOfStatus(HTTP_STATUS[code])).toBe(code);
    expect(toAppError({ getStatus: () => HTTP_STATUS[code] })).toBeNull(); // not an HttpException
  });

  it('codes an HttpException by its status', () => {
    expect(answer(new ForbiddenException('no'))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(errorCodeOfStatus(413)).toBe('BAD_USER_INPUT');
    expect(errorCodeOfStatus(500)).toBeNull();
  });

  it('answers PostgreSQL errors from any writer by their SQLSTATE, and hides the rest', () => {
    const pgError = (code: string) => Object.assign(new Error('pg'), { severity: 'ERROR', code, constraint: 'c' });
    expect(answer(pgError('23505'))).toMatchObject({ status: 409, body: { code: 'CONFLICT', constraint: 'c' } });
    expect(answer(pgError('22021'))).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(appErrorOfSqlState('40P01')?.code).toBe('CONFLICT');
    expect(answer(pgError('42P01'))).toMatchObject({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
