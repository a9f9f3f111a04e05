import type { PlistDict } from '../../formats/plist/index.js';
import { PlistFields, nonEmpty } from '../protocol/index.js';
import type { CommandSpec } from './types.js';

/** Arguments of DeviceInformation. */
export interface DeviceInformationArguments {
  /** The query keys (`DeviceName`, `OSVersion`, `SerialNumber`, …); a device answers those it may. */
  readonly queries: readonly string[];
}

/** The answers, plus typed copies of the ones Provisio's inventory keeps. */
export interface DeviceInformationResult {
  /** Every answer as sent. */
  readonly queryResponses: PlistDict;
  readonly deviceName: string | undefined;
  readonly osVersion: string | undefined;
  readonly buildVersion: string | undefined;
  readonly model: string | undefined;
  readonly modelName: string | undefined;
  readonly productName: string | undefined;
  readonly serialNumber: string | undefined;
}

/** The queries Provisio asks by default: enough to show a device in the console. */
export const INVENTORY_QUERIES: readonly string[] = Object.freeze([
  'DeviceName',
  'OSVersion',
  'BuildVersion',
  'Model',
  'ModelName',
  'ProductName',
  'SerialNumber',
]);

const RESULT_KEY = 'QueryResponses';

/** Asks a device about itself. */
export const deviceInformation: CommandSpec<DeviceInformationArguments, DeviceInformationResult> = {
  requestType: 'DeviceInformation',
  resultKey: RESULT_KEY,
  encodeArguments: ({ queries }) => ({ Queries: queries.map((query) => nonEmpty(query, 'a DeviceInformation query')) }),
  decodeArguments: (command) => ({ queries: command.optionalStringArray('Queries') ?? [] }),
  readResult: (response) => readAnswers(new PlistFields(response.requiredDict(RESULT_KEY), RESULT_KEY)),
  writeResult: (result) => ({ [RESULT_KEY]: result.queryResponses }),
};

function readAnswers(answers: PlistFields): DeviceInformationResult {
  return {
    queryResponses: answers.dict,
    deviceName: answers.optionalString('DeviceName'),
    osVersion: answers.optionalString('OSVersion'),
    buildVersion: answers.optionalString('BuildVersion'),
    model: answers.optionalString('Model'),
    modelName: answers.optionalString('ModelName'),
    productName: answers.optionalString('ProductName'),
    serialNumber: answers.optionalString('SerialNumber'),
  };
}
