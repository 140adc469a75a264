/** Injection token of the app's root pino logger (see ObservabilityModule.forRoot). */
export const APP_LOG = Symbol('APP_LOG');
