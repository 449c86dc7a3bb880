import type { StateCreator } from 'zustand/vanilla';
import type { NotifyChoice, NotifyPermission } from './notify-decision';

/** Desktop notifications: what the browser allows and what the person chose. */
export interface NotifySlice {
  notifyPermission: NotifyPermission;
  /** why the page cannot notify, when notifyPermission is `unavailable` */
  notifyUnavailable: string | undefined;
  notifyChoice: NotifyChoice;
  setNotifyPermission: (permission: NotifyPermission, unavailable?: string) => void;
  setNotifyChoice: (choice: NotifyChoice) => void;
}

export const createNotifySlice: StateCreator<NotifySlice> = (set) => ({
  notifyPermission: 'unavailable',
  notifyUnavailable: undefined,
  notifyChoice: undefined,
  setNotifyPermission: (notifyPermission, notifyUnavailable) =>
    set({ notifyPermission, notifyUnavailable }),
  setNotifyChoice: (notifyChoice) => set({ notifyChoice }),
});
