import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAlertNotifier } from './state/alert-notifier';
import { browserDesktop, followNotifyPermission } from './state/browser-notifications';
import { connectGateway } from './state/gateway-client';
import { parseGatewayList } from './state/gateway-list';
import { rememberNotifyChoice } from './state/notify-choice-storage';
import { openRecording } from './state/open-recording';
import { browserTokenPlaces, takePageToken } from './state/page-token';
import { createDashboardStore } from './state/store';
import { readPageParams } from './state/url-params';
import { App } from './views/App';
import { DashboardContext } from './views/store-context';
import './styles.css';

const params = readPageParams(window.location.search);
// first, before anything copies the address: the token leaves it
const token = takePageToken(params, browserTokenPlaces());
const store = createDashboardStore();
store.getState().setDisplayZone(params.tz);
// a wall display has nobody at it to notify
if (!params.kiosk) {
  followNotifyPermission(store);
  rememberNotifyChoice(store, storageOrUndefined());
  startAlertNotifier(store, browserDesktop);
}
if (params.replay !== undefined) {
  void openRecording(
    store,
    { url: params.replay },
    params.t === undefined ? {} : { initialT: params.t },
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

/** localStorage, unless the browser refuses it to this page (reading it can throw) */
function storageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardContext.Provider value={store}>
      <App kiosk={params.kiosk} />
    </DashboardContext.Provider>
  </StrictMode>,
);
