import { createContext, useContext } from 'react';
import type { AppDatabase } from '../data/database';
import type { Profile } from '../data/profile.repository';
import type { RegisterIndex } from '../data/register-index';
import type { SyncService } from '../data/sync/sync-service';

export interface AppServices {
  db: AppDatabase;
  index: RegisterIndex;
  sync: SyncService;
  profile: Profile;
  /** Replaces the profile (setup screen). */
  setProfile: (profile: Profile) => Promise<void>;
}

export const AppContext = createContext<AppServices | null>(null);

/** The app's services for components below the provider. */
export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside of AppContext');
  return services;
}
