/**
 * ical.js 2 ships as an ES module with a CommonJS build; this project compiles to CommonJS, so the
 * value comes from require() and the types from an import-mode type import.
 */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: typeof ICALModule = require('ical.js');

// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace ICAL {
  type Component = InstanceType<typeof ICALModule.Component>;
  type Property = InstanceType<typeof ICALModule.Property>;
  type Time = InstanceType<typeof ICALModule.Time>;
  type Timezone = InstanceType<typeof ICALModule.Timezone>;
  type Recur = InstanceType<typeof ICALModule.Recur>;
  type Duration = InstanceType<typeof ICALModule.Duration>;
  type Period = InstanceType<typeof ICALModule.Period>;
}

export default ICAL;
