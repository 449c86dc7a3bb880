import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifier } from './state/alert-notifier';
import { browserDesktop, followNotifyPermission } from './state/browser-notifications';
import { connectGateway } from './state/gateway-client';
import { parseGatewayList } from './state/gateway-list';
import { rememberNotifyChoice } from './state/notify-choice-storage';
import { openRecording } from './state/open-recording';
import { createReplayControls } from './state/replay-controls';
import { createPageRecovery, pageReachable } from './state/page-recovery';
import { browserTokenPlaces, takePageToken } from './state/page-token';
import { createDashboardStore } from './state/store';
import { readPageParams } from './state/url-params';
import { applyViewParams, initialReplayT } from './state/view-params';
import { followWindowCapacity } from './state/window-capacity';
import { App } from './views/App';
import { FatalBoundary, FatalNotice, errorLine } from './views/Fatal';
import { ReplayControlsContext } from './views/replay-controls-context';
import { DashboardContext } from './views/store-context';
import './styles.css';

const rootElement = document.getElementById('root')!;
const params = readPageParams(window.location.search);
// first, before anything copies the address: the token leaves it
const token = takePageToken(params, browserTokenPlaces());
const recovery = createPageRecovery({
  storage: storageOrUndefined('sessionStorage'),
  location: window.location,
  wasDiscarded: (document as Document & { wasDiscarded?: boolean }).wasDiscarded === true,
  reload: () => window.location.reload(),
  reachable: () => pageReachable(window.location.href),
  now: () => Date.now(),
});
// an error outside React (a socket handler, a timer) leaves the page running; one that leaves
// it blank (React has unmounted, or never mounted) is fatal: say so, and reload. Judged a
// moment later, so the first render has had time to commit
const fatalIfBlank = (error: unknown) =>
  setTimeout(() => {
    if (rootElement.childElementCount > 0) return;
    createRoot(rootElement).render(
      <FatalNotice error={errorLine(error)} plan={recovery.fatal()} />,
    );
  }, 2000);
window.addEventListener('error', (e) => fatalIfBlank(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => fatalIfBlank(e.reason));
const store = createDashboardStore();
const replayControls = createReplayControls();
recovery.restoreView(store);
recovery.keepView(store);
store.getState().setDisplayZone(params.tz);
applyViewParams(store, params);
followWindowCapacity(store);
// a wall display has nobody at it to notify
if (!params.kiosk) {
  followNotifyPermission(store);
  rememberNotifyChoice(store, storageOrUndefined('localStorage'));
  startAlertNotifier(store, browserDesktop);
}
if (params.replay !== undefined) {
  const initialT = initialReplayT(params);
  void openRecording(
    store,
    replayControls,
    { url: params.replay },
    initialT === undefined ? {} : { initialT },
  );
} else {
  const gateways = parseGatewayList(params.gateway, window.location.protocol);
  const gateway = {
    ...(gateways.origins[0] !== undefined && { url: gateways.origins[0] }),
    ...(token !== undefined && { token }),
  };
  store.getState().setGateway(gateway);
  const disconnect = connectGateway(store, {
    urls: gateways.origins,
    ...(token !== undefined && { token }),
  });
  if (gateways.ignored.length > 0) {
    store
      .getState()
      .reportBadInput(`?gateway=: not a gateway address: ${gateways.ignored.join(', ')}`);
  }
  store.getState().setStopLiveFeed(() => {
    disconnect();
    store.getState().setStopLiveFeed(undefined);
  });
}

/** the storage, unless the browser refuses it to this page (reading it can throw) */
function storageOrUndefined(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

createRoot(rootElement).render(
  <StrictMode>
    <FatalBoundary onFatal={() => recovery.fatal()}>
      <DashboardContext.Provider value={store}>
        <ReplayControlsContext.Provider value={replayControls}>
          <App kiosk={params.kiosk} />
        </ReplayControlsContext.Provider>
      </DashboardContext.Provider>
    </FatalBoundary>
  </StrictMode>,
);
