/** Construct ids derived from declarations; tests find resources by the same names. */
export const pascal = (name: string): string =>
  name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

export const routeFunctionId = (routeId: string): string => `${pascal(routeId)}Route`;
export const consumerFunctionId = (queue: string): string => `${pascal(queue)}Consumer`;
export const queueConstructId = (queue: string): string => `${pascal(queue)}Queue`;
export const jobFunctionId = (schedule: string): string => `${pascal(schedule)}Job`;
export const scheduleConstructId = (schedule: string): string => `${pascal(schedule)}Schedule`;

/** The domain of a handler: its folder under functions/ ('budget/allot' → 'budget'). */
export const handlerDomain = (handler: string): string => handler.split('/')[0] ?? handler;
/** The nested stack holding a domain's route functions. */
export const routeGroupId = (domain: string): string => `${pascal(domain)}Routes`;
