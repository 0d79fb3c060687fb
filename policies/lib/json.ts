/* eslint-disable @typescript-eslint/no-explicit-any -- resource props are untyped JSON */
/** Resource props as the engine hands them over: untyped JSON (unknown values raise when read). */
export type Json = any;
