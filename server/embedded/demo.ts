/**
 * The demo community seeded by `npm run server` on an empty server. The passwords are public (printed, in the README)
 * and exist only for demonstrations and tests: never create these users on a real server.
 */

/** Three villages, each with its starosta's login. */
export const DEMO_VILLAGES = [
  { code: 'hlyboke', name: 'Глибоке', user: 'starosta.hlyboke', password: 'demo-hlyboke' },
  { code: 'zarichne', name: 'Зарічне', user: 'starosta.zarichne', password: 'demo-zarichne' },
  { code: 'kalynivka', name: 'Калинівка', user: 'starosta.kalynivka', password: 'demo-kalynivka' },
] as const;

/** The council's central office (the town office) and its user. */
export const DEMO_CENTRAL_USER = { office: 'Виконком громади', user: 'rada', password: 'demo-central' } as const;

/** The demo community's code (named in transfer files; the app takes it from the server at login). */
export const DEMO_COMMUNITY = { code: 'demo_hromada', name: 'Демонстраційна громада' } as const;
