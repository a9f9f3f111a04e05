import { useEffect, useRef, useState } from 'react';
import { fetchRolloutDevices } from '../../api/lifecycle';
import { ROLLOUT_STATES, type RolloutState, type RolloutSummary } from '../../api/lifecycle-types';
import { ListTable } from '../../components/ListTable';
import { Pager } from '../../components/Pager';
import { PAGE_SIZE, useCursorPages } from '../../hooks/use-cursor-pages';
import { useI18n } from '../../i18n/i18n-context';
import { RolloutDeviceRow } from './RolloutDeviceRow';
import { RolloutStateFilter } from './RolloutStateFilter';
import { stateCount } from './state-count';

interface RolloutDevicesProps {
  readonly renewalId: number;
  readonly rollout: RolloutSummary;
}

/** The state a rollout's device list opens on: where attention is needed first. */
function firstStateToShow(rollout: RolloutSummary): RolloutState {
  if (rollout.failed > 0) return 'failed';
  if (rollout.waitingUnlock > 0) return 'waiting_unlock';
  return rollout.pending > 0 ? 'pending' : 'installed';
}

/** The devices of a rollout in one state, paged by the server, read again as the counts move. */
export function RolloutDevices({ renewalId, rollout }: RolloutDevicesProps) {
  const { m } = useI18n();
  const [state, setState] = useState<RolloutState>(() => firstStateToShow(rollout));
  const pages = useCursorPages((cursor, signal) => fetchRolloutDevices(renewalId, { state, limit: PAGE_SIZE, cursor }, signal), `${renewalId}-${state}`);
  const { page } = pages;
  useReloadWhenCountsMove(rollout, page.reload);
  return (
    <>
      <div className="list-toolbar">
        <RolloutStateFilter rollout={rollout} current={state} onChange={setState} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.rollout.devicesIn(m.rollout.states[state])}
        widths={['22%', '28%', '18%', '10%', '22%']}
        head={
          <>
            <th scope="col">{m.devices.name}</th>
            <th scope="col">{m.devices.udid}</th>
            <th scope="col">{m.rollout.updated}</th>
            <th scope="col">{m.rollout.oldRemovedShort}</th>
            <th scope="col">{m.rollout.errors}</th>
          </>
        }
        items={page.data?.items}
        loading={page.loading}
        error={page.error}
        onRetry={page.reload}
        emptyText={m.rollout.noDevices}
        renderRow={(device) => <RolloutDeviceRow key={device.deviceId} device={device} />}
      />
    </>
  );
}

/** Reads the listed page again when the rollout's counts change (not on the first render: it was just read). */
function useReloadWhenCountsMove(rollout: RolloutSummary, reload: () => void): void {
  const countsKey = ROLLOUT_STATES.map((state) => stateCount(rollout, state)).join('-');
  const seen = useRef(countsKey);
  useEffect(() => {
    if (seen.current === countsKey) return;
    seen.current = countsKey;
    reload();
  }, [countsKey, reload]);
}
