import type { KeyObject } from 'node:crypto';
import type { PlistDict } from '../../formats/plist/types.js';

/** Who signs an executable: a developer certificate (e.g. `testPki().developerCertificate`) and its key. */
export interface CodeSigner {
  readonly certificate: Uint8Array;
  readonly privateKey: KeyObject;
  /** Certificates the CMS carries besides the signer's (intermediate, root). */
  readonly chain?: readonly Uint8Array[];
}

/** What one bundle (the app or an extension) holds. */
export interface IpaBundleSpec {
  readonly bundleId: string;
  /** CFBundleShortVersionString; null leaves the key out. Default `1.0`. */
  readonly shortVersion?: string | null;
  /** CFBundleVersion; null leaves the key out. Default `1`. */
  readonly version?: string | null;
  /** CFBundleDisplayName; null or absent leaves the key out. */
  readonly displayName?: string | null;
  /** Default `binary`, as Xcode writes it. */
  readonly infoPlistFormat?: 'binary' | 'xml';
  /** embedded.mobileprovision bytes (e.g. from `buildProfile`); null or absent: none. */
  readonly profile?: Uint8Array | null;
  /** Signs the executable; null or absent: an unsigned executable. */
  readonly signer?: CodeSigner | null;
  /** A universal arm64 + x86_64 executable instead of thin arm64. */
  readonly fatExecutable?: boolean;
  /** Keys added to (or replacing) the generated Info.plist. */
  readonly infoPlistExtras?: PlistDict;
  /** Info.plist bytes written verbatim instead of the generated ones; null: no Info.plist. */
  readonly infoPlistBytes?: Uint8Array | null;
}

export interface IpaExtensionSpec extends IpaBundleSpec {
  /** Folder name without `.appex`. */
  readonly name: string;
}

export interface IpaSpec extends IpaBundleSpec {
  /** Folder name without `.app`; default: the bundle id's last component. */
  readonly appName?: string;
  /** MinimumOSVersion; default `15.0`. */
  readonly minimumOsVersion?: string;
  readonly extensions?: readonly IpaExtensionSpec[];
  /** Puts `Payload/` under this top-level folder, as zipping a folder in Finder does. */
  readonly nestedUnder?: string;
  /** Bytes of stored, incompressible filler inside the app, written first and streamed. */
  readonly filler?: number;
  /** Adds the `.DS_Store` files and `__MACOSX/` resource forks macOS's Archive Utility leaves. */
  readonly macosJunk?: boolean;
  /** How the bundle files are compressed; default `deflated`, as Xcode does (`zip -0` stores). */
  readonly method?: 'stored' | 'deflated';
}
