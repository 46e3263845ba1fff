import type { Service } from '../schema';

/** One module per service; the order is the order citizens see. */
export const services: Service[] = [];
