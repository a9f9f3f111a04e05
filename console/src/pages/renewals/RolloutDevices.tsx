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
import { firstStateToShow, followStateToShow } from './state-to-show';

interface RolloutDevicesProps {
  readonly renewalId: number;
  readonly rollout: RolloutSummary;
}

/** The devices of a rollout in one state, paged by the server, read again as the counts move. */
export function RolloutDevices({ renewalId, rollout }: RolloutDevicesProps) {
  const { m } = useI18n();
  const state = useStateToShow(rollout);
  const pages = useCursorPages((cursor, signal) => fetchRolloutDevices(renewalId, { state: state.shown, limit: PAGE_SIZE, cursor }, signal), `${renewalId}-${state.shown}`);
  const { page } = pages;
  useReloadWhenCountsMove(rollout, page.reload);
  return (
    <>
      <div className="list-toolbar">
        <RolloutStateFilter rollout={rollout} current={state.shown} onChange={state.choose} />
        <Pager pages={pages} />
      </div>
      <ListTable
        label={m.rollout.devicesIn(m.rollout.states[state.shown])}
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

/**
 * The state listed: the one the admin picked, else one that follows the rollout (see
 * {@link followStateToShow}), adjusted while rendering as React does for state derived from props.
 */
function useStateToShow(rollout: RolloutSummary): { readonly shown: RolloutState; readonly choose: (state: RolloutState) => void } {
  const [chosen, setChosen] = useState<RolloutState>();
  const [followed, setFollowed] = useState<RolloutState>(() => firstStateToShow(rollout));
  const next = followStateToShow(followed, rollout);
  if (chosen === undefined && next !== followed) setFollowed(next);
  return { shown: chosen ?? next, choose: setChosen };
}
