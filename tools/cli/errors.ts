/** Bad input (arguments, config, files): the commands print it as one or more lines and exit 2. */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}

export const exitCodes = { ok: 0, violations: 1, badInput: 2, internal: 3 } as const;
