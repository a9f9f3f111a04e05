import type { Certificate } from '../../api/types';
import { CompactTable } from '../../components/CompactTable';
import { useI18n } from '../../i18n/i18n-context';

/** The distribution certificates a profile lists, with when each expires. */
export function CertificatesTable({ certificates }: { readonly certificates: readonly Certificate[] }) {
  const { m, format } = useI18n();
  if (certificates.length === 0) return <p className="muted">{m.profile.noCertificates}</p>;
  return (
    <CompactTable label={m.profile.certificates} columns={[m.profile.certificateName, m.profile.team, m.profile.serialNumber, m.profile.expires]}>
      {certificates.map((certificate) => (
        <tr key={certificate.id}>
          <th scope="row">{certificate.commonName}</th>
          <td>{certificate.teamId ?? m.common.none}</td>
          <td className="mono">{certificate.serialNumber}</td>
          <td>
            <time dateTime={certificate.notAfter}>{format.date(certificate.notAfter)}</time>
          </td>
        </tr>
      ))}
    </CompactTable>
  );
}
