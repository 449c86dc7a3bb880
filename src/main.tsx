import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectGateway } from './state/gateway-client';
import { openRecording } from './state/open-recording';
import { createDashboardStore } from './state/store';
import { readPageParams } from './state/url-params';
import { App } from './views/App';
import { DashboardContext } from './views/store-context';
import './styles.css';

const params = readPageParams(window.location.search);
const store = createDashboardStore();
store.getState().setDisplayZone(params.tz);
if (params.replay !== undefined) {
  void openRecording(
    store,
    { url: params.replay },
    params.t === undefined ? {} : { initialT: params.t },
  );
} else {
  const disconnect = connectGateway(store, {
    ...(params.gateway !== undefined && { url: params.gateway }),
    ...(params.token !== undefined && { token: params.token }),
  });
  store.getState().setStopLiveFeed(() => {
    disconnect();
    store.getState().setStopLiveFeed(undefined);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardContext.Provider value={store}>
      <App kiosk={params.kiosk} />
    </DashboardContext.Provider>
  </StrictMode>,
);
