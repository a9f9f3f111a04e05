import type { PlistDict } from '../../formats/plist/index.js';
import { writeXmlPlist } from '../../formats/plist/index.js';
import { plistDict } from './build-values.js';
import type { CommandStatus } from './command-response.js';
import type { ErrorChainItem } from './error-chain.js';

/**
 * The device side of the protocol: the bodies an iPhone sends, for the simulator and tests.
 * They are the inverse of the parsers in this folder (same keys, XML as devices write it).
 */
export type CheckInInput =
  | {
      readonly messageType: 'Authenticate';
      readonly udid: string;
      readonly topic: string;
      readonly serialNumber?: string;
      readonly deviceName?: string;
      readonly model?: string;
      readonly modelName?: string;
      readonly productName?: string;
      readonly osVersion?: string;
      readonly buildVersion?: string;
    }
  | {
      readonly messageType: 'TokenUpdate';
      readonly udid: string;
      readonly topic: string;
      readonly token: Uint8Array;
      readonly pushMagic: string;
      readonly unlockToken?: Uint8Array;
      readonly awaitingConfiguration?: boolean;
    }
  | { readonly messageType: 'CheckOut'; readonly udid: string; readonly topic: string };

/** A connect body: `Idle`, or the answer to one command with its payload keys. */
export type CommandResponseInput =
  | { readonly udid: string; readonly status: 'Idle' }
  | {
      readonly udid: string;
      readonly status: Exclude<CommandStatus, 'Idle'>;
      readonly commandUuid: string;
      readonly errorChain?: readonly ErrorChainItem[];
      /** The result keys of an Acknowledged response (see `writeCommandResult`). */
      readonly payload?: PlistDict;
    };

const UTF8 = new TextEncoder();

/** The XML body of a check-in message. */
export function encodeCheckInMessage(input: CheckInInput): Uint8Array {
  return UTF8.encode(writeXmlPlist(checkInDict(input)));
}

/** The XML body of a connect request. */
export function encodeCommandResponse(input: CommandResponseInput): Uint8Array {
  if (input.status === 'Idle') return UTF8.encode(writeXmlPlist({ Status: 'Idle', UDID: input.udid }));
  const chain = input.errorChain?.length ? input.errorChain.map(errorChainDict) : undefined;
  const dict = { ...input.payload, ...plistDict({ CommandUUID: input.commandUuid, ErrorChain: chain }) };
  return UTF8.encode(writeXmlPlist({ ...dict, Status: input.status, UDID: input.udid }));
}

function checkInDict(input: CheckInInput): PlistDict {
  const common = { MessageType: input.messageType, UDID: input.udid, Topic: input.topic };
  switch (input.messageType) {
    case 'Authenticate':
      return plistDict({
        ...common,
        SerialNumber: input.serialNumber,
        DeviceName: input.deviceName,
        Model: input.model,
        ModelName: input.modelName,
        ProductName: input.productName,
        OSVersion: input.osVersion,
        BuildVersion: input.buildVersion,
      });
    case 'TokenUpdate':
      return plistDict({
        ...common,
        Token: input.token,
        PushMagic: input.pushMagic,
        UnlockToken: input.unlockToken,
        AwaitingConfiguration: input.awaitingConfiguration ?? false,
      });
    case 'CheckOut':
      return common;
  }
}

function errorChainDict(item: ErrorChainItem): PlistDict {
  return plistDict({
    ErrorCode: item.errorCode,
    ErrorDomain: item.errorDomain,
    LocalizedDescription: item.localizedDescription,
    USEnglishDescription: item.usEnglishDescription,
  });
}
