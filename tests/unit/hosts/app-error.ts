import { expect } from 'vitest';
import { AppError } from '../../../lib/errors';

// What a host's parser or client failed with, for a test to read its code:
// the test fails when nothing fails, or when the error is no AppError.

/** The AppError `run` throws. */
export function hostError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a AppError');
}

/** The AppError `promise` rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}
