'use strict';
// The API's error schema (`Error_ApiError`) is not published. The only documented body is the
// rate-limit one, `{"code":429,"message":"Too many requests."}`, and Laravel (which the paginator
// shows the API runs on) answers validation failures with `{message, errors: {field: [..]}}`.
// The mock sends both shapes at once: `{code, message, errors?}`.
class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {string} message
	 * @param {Record<string, string[]>} [errors]
	 * @param {Record<string, unknown>} [extra]
	 */
	constructor(status, message, errors, extra) {
		super(message);
		this.status = status;
		this.errors = errors;
		this.extra = extra;
	}

	toBody() {
		const body = { code: this.status, message: this.message };
		if (this.errors) body.errors = this.errors;
		if (this.extra) Object.assign(body, this.extra);
		return body;
	}
}

/** @param {Record<string, string[]>} errors */
function validationError(errors) {
	const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
	const more = Object.values(errors).reduce((n, list) => n + list.length, 0) - 1;
	const message = more > 0 ? `${first} (and ${more} more error${more > 1 ? 's' : ''})` : first;
	return new ApiError(422, message, errors);
}

module.exports = { ApiError, validationError };
