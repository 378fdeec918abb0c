import { createContext, useContext } from 'react';
import type { Profile } from '../data/profile.repository';
import type { Records } from '../data/records';
import type { RegisterIndex } from '../data/register-index';
import type { SyncService } from '../data/sync/sync-service';
import type { Session } from './session';

/** What the screens reach: the facade of commands and queries, never the database (docs/conventions.md). */
export interface AppServices {
  records: Records;
  index: RegisterIndex;
  sync: SyncService;
  profile: Profile;
  /** Replaces the profile (setup screen). */
  setProfile: (profile: Profile) => Promise<void>;
  /** The signed-in operator and the keyring (operators screen). */
  session: Session;
  setSession: (session: Session) => void;
}

export const AppContext = createContext<AppServices | null>(null);

/** The app's services for components below the provider. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside of AppContext');
  return services;
}
