import { AppError } from '../../../../shared/errors/app-error';

export enum AssignmentErrorCode {
  InvalidInstance = 'invalid_assignment_instance',
}

/**
 * A malformed assignment instance. `message` is one line that names the offending field, e.g.
 * `pairs[17].unit: unknown unit "u9"`; `errors` carries the same as a field error.
 */
export class InstanceError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('validation', AssignmentErrorCode.InvalidInstance, `${path}: ${reason}`, {
      errors: [{ path, message: reason }],
    });
  }
}
