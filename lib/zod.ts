import { z } from 'zod';

// zod 4 compiles validators with `new Function` unless told not to, which the
// MV3 extension CSP forbids. Every module imports zod from here.
z.config({ jitless: true });

export { z };
