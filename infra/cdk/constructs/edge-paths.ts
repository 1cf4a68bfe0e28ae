import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** Where the distribution serves the console and the archive pass-through; the API has every other path. */
export const consolePath = '/console';
export const archivePath = '/_archive';

/**
 * The viewer-request function of the console and archive behaviours (CloudFront Functions, JS 2.0):
 * - `/_archive/<key>?<presigned query>` reaches the archive bucket as `/<key>?<query>`, the request
 *   the presigned URL was signed for, so S3 checks the signature and the expiry itself;
 * - a console path ending in `/` serves that folder's index.html (the console routes by #hash).
 */
export const edgePathsSource = `function handler(event) {
  var request = event.request;
  if (request.uri.startsWith('${archivePath}/')) {
    request.uri = request.uri.slice(${archivePath.length});
  } else if (request.uri.endsWith('/')) {
    request.uri += 'index.html';
  }
  return request;
}
`;

export function edgePathsFunction(scope: Construct, id: string): CloudFrontFunction {
  return new CloudFrontFunction(scope, id, {
    code: FunctionCode.fromInline(edgePathsSource),
    runtime: FunctionRuntime.JS_2_0,
    comment: 'hojo: /_archive/ prefix removed before S3; console folders served as index.html',
  });
}
