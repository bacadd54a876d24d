import { z } from 'zod';
import { swedishErrorMap } from './domain/validation';

/**
 * zod's messages in Swedish for the whole process or page: zod's own Swedish locale as the base and our map
 * over it (the locale still names types in English, "förväntat string"). Imported first by the server and by
 * the tab's entries, so that no parse anywhere can answer in English.
 */
z.config({ ...z.locales.sv(), customError: swedishErrorMap });

export const ZOD_LOCALE = 'sv';
