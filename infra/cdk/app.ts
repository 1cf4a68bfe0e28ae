import { buildHojoApp } from '#infra/cdk/hojo-app.ts';

/** Entry point of `cdk synth` / `cdk deploy` (see cdk.json): `-c target=aws|onprem`. */
buildHojoApp().app.synth();
