/**
 * aws-embedded-metrics picks its sink when it is first loaded: outside Lambda (the local runtime,
 * tests) it would look for a CloudWatch agent on port 25888. Imported before the library, this
 * makes it print the metric lines to stdout there instead.
 */
if (!process.env.AWS_LAMBDA_FUNCTION_NAME && !process.env.AWS_EMF_ENVIRONMENT) process.env.AWS_EMF_ENVIRONMENT = 'Local';
