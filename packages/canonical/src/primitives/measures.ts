import { z } from 'zod';
import { PositiveDecimalSchema } from './decimal.js';

/** A weight in kilograms, grams, pounds or ounces (UN/ECE Rec 20 codes). */
export const WeightSchema = z.object({
  value: PositiveDecimalSchema,
  uom: z.enum(['KGM', 'GRM', 'LBR', 'ONZ']),
});
export type Weight = z.infer<typeof WeightSchema>;

/** Outer dimensions, all three in one length unit (UN/ECE Rec 20 codes). */
export const DimensionsSchema = z.object({
  length: PositiveDecimalSchema,
  width: PositiveDecimalSchema,
  height: PositiveDecimalSchema,
  uom: z.enum(['MTR', 'CMT', 'MMT', 'INH', 'FOT']),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;
