import type { Role } from './appeal/appeal.types';

/** Who works at this PC: set once at first start (and, from the sync issue on, confirmed by the server login). */
export interface Profile {
  villageCode: string;
  villageName: string;
  /** Workstation number of this PC inside its village (1–99): part of every registration index it allocates. */
  workstation: number;
  operatorName: string;
  role: Role;
  /**
   * The community's code as the council gives it (Latin letters, like village codes): named in every backup and
   * transfer file so that a file of another community is refused (../transfer/acceptance.ts). Optional: PCs set
   * up before it existed add it on the backup screen.
   */
  communityCode?: string;
}
