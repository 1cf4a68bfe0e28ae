import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { buildHojoApp } from '#infra/cdk/hojo-app.ts';
import type { HojoApp, HojoAppOptions } from '#infra/cdk/hojo-app.ts';
import { projectRoot } from '#infra/cdk/handler-entry.ts';
import type { Route } from '#shared/http/route.ts';
import { queues } from '#shared/resources.ts';
import type { ScheduleDeclaration } from '#shared/schedules.ts';

/**
 * Context for apps whose templates are read, not deployed: esbuild is skipped for every stack (template
 * assertions do not need the bundles; bundle.test.ts builds one for real), and so is the creation
 * stack trace the CDK captures for every resource (construct metadata no assertion reads; a fifth of
 * the CPU of synthesizing 243 shards, issue #21).
 */
export const templateOnly = { 'aws:cdk:bundling-stacks': [], 'aws:cdk:disable-creation-stack-traces': true };

/**
 * The API's origin name the aws templates are synthesized with: the aws target disables the
 * execute-api endpoint and needs `-c apiDomainName` (on-prem ignores it).
 */
export const exampleApiDomainName = 'api-origin.hojo.example.go.kr';

/**
 * A project tree holding a one-line module for every declared handler, so template tests run while
 * some handlers are still being written; declarations.test.ts checks the real tree separately.
 */
export function stubProjectRoot(routes: readonly Route[], schedules: readonly ScheduleDeclaration[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'hojo-cdk-'));
  symlinkSync(join(projectRoot, 'package-lock.json'), join(root, 'package-lock.json'));
  symlinkSync(join(projectRoot, 'package.json'), join(root, 'package.json'));
  const handlers = [
    ...routes.map((r) => r.handler),
    ...Object.values(queues).map((q) => q.consumer.handler),
    ...schedules.map((s) => s.handler),
  ];
  for (const handler of handlers) {
    const file = join(root, 'functions', `${handler}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'export const handler = async () => ({});\n');
  }
  return root;
}

type NagFinding = ReturnType<AwsSolutionsChecks['validateScope']>['violations'][number];

export interface Synthesized extends HojoApp {
  readonly dataTemplate: Template;
  readonly apiTemplate: Template;
  /** The nested stacks of the API stack (one per domain of routes, one per group of queue shards' consumers). */
  readonly nestedTemplates: readonly Template[];
  /** The nested stacks of the data stack (one per group of queue shards). */
  readonly dataNestedTemplates: readonly Template[];
  /** cdk-nag findings that nobody acknowledged, errors and warnings alike, on the synthesized tree. */
  readonly nagFindings: NagFinding[];
}

export function synthesize(options: HojoAppOptions): Synthesized {
  // The CDK's built-in template check (warnings only) and construct stack traces are a good half of
  // the synthesis time of 243 shards; the assertions below and cdk-nag do not use them.
  const built = buildHojoApp({
    builtinCloudFormationValidation: false,
    stackTraces: false,
    ...options,
    context: { ...templateOnly, apiDomainName: exampleApiDomainName, ...options.context },
  });
  // synth() runs the AwsSolutions plugin and throws on unacknowledged errors; validateScope on the
  // prepared tree (cross-stack references resolved) reports warnings as well.
  built.app.synth();
  const nagFindings = new AwsSolutionsChecks().validateScope(built.app).violations;
  return {
    ...built,
    dataTemplate: Template.fromStack(built.data),
    apiTemplate: Template.fromStack(built.api),
    nestedTemplates: nestedStacksOf(built.api).map((nested) => Template.fromStack(nested)),
    dataNestedTemplates: nestedStacksOf(built.data).map((nested) => Template.fromStack(nested)),
    nagFindings,
  };
}

const nestedStacksOf = (stack: IConstruct): NestedStack[] =>
  stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c));

export type Resources = Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: unknown }>;

/** The logical ids of the resources whose id starts with the construct id given (e.g. 'GetGovernmentRoute'). */
export function ofConstruct(resources: Resources, constructId: string, type: string): [string, Resources[string]][] {
  return Object.entries(resources).filter(([id, r]) => r.Type === type && id.startsWith(constructId));
}

/** Every action a role's policies allow, with the statements' resources serialised for inspection. */
export function allowedActions(
  resources: Resources,
  roleLogicalId: string,
): { actions: Set<string>; statements: { Action: string | string[]; Resource: unknown }[] } {
  const statements = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleLogicalId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
  const actions = new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
  return { actions, statements };
}
