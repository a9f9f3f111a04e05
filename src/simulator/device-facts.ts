import { randomBytes } from 'node:crypto';

/** Who a virtual device says it is, in Authenticate and DeviceInformation. */
export interface DeviceFacts {
  readonly udid: string;
  readonly serialNumber: string;
  readonly deviceName: string;
  /** Marketing family, e.g. `iPhone`. */
  readonly modelName: string;
  /** Hardware identifier, e.g. `iPhone15,2`. */
  readonly productName: string;
  /** Order number, e.g. `MQ0E3LL/A`. */
  readonly model: string;
  readonly osVersion: string;
  readonly buildVersion: string;
}

interface Hardware {
  readonly productName: string;
  readonly model: string;
  /** The UDID prefix of the chip (`00008110` = A15). */
  readonly chip: string;
}

const HARDWARE: readonly Hardware[] = [
  { productName: 'iPhone14,5', model: 'MLMF3LL/A', chip: '00008110' },
  { productName: 'iPhone15,2', model: 'MQ0E3LL/A', chip: '00008120' },
  { productName: 'iPhone16,1', model: 'MTLX3LL/A', chip: '00008130' },
];
const RELEASES = [
  { osVersion: '17.5.1', buildVersion: '21F90' },
  { osVersion: '18.3.2', buildVersion: '22D82' },
] as const;
/** Apple serials avoid letters that read like digits. */
const SERIAL_ALPHABET = 'CDFGHJKLMNPQRTVWXY0123456789';

/** Facts for the `index`-th device of a fleet: hardware and OS vary, identifiers are random. */
export function makeDeviceFacts(index: number): DeviceFacts {
  const hardware = HARDWARE[index % HARDWARE.length]!;
  const release = RELEASES[index % RELEASES.length]!;
  return {
    udid: `${hardware.chip}-${randomBytes(8).toString('hex').toUpperCase()}`,
    serialNumber: serial(),
    deviceName: `Simulated iPhone ${index + 1}`,
    modelName: 'iPhone',
    productName: hardware.productName,
    model: hardware.model,
    ...release,
  };
}

function serial(): string {
  return [...randomBytes(12)].map((byte) => SERIAL_ALPHABET[byte % SERIAL_ALPHABET.length]).join('');
}
