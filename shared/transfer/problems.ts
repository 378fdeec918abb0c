/**
 * Why a backup or transfer file is refused, in both languages. Every refusal is a value (docs/conventions.md): the import shows
 * it and writes nothing.
 */
import { type Problem, problem } from '../domain/problem';

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** The refusals, by code. */
export const TRANSFER_PROBLEMS = {
  wrongExtension: (expected: string) =>
    problem(
      '',
      'wrong-extension',
      `Це не той файл: очікується файл із розширенням ${expected}`,
      `Not the right file: a file ending in ${expected} is expected`,
    ),
  empty: () => problem('', 'empty', 'Файл порожній (0 байтів)', 'The file is empty (0 bytes)'),
  tooLarge: (size: number, limit: number) =>
    problem(
      '',
      'too-large',
      `Файл завеликий (${mb(size)} МБ, найбільше ${mb(limit)} МБ): це не файл «Відкритого села»`,
      `The file is too large (${mb(size)} MB, at most ${mb(limit)} MB): not an Open Village file`,
    ),
  notOurs: () => problem('', 'not-ours', 'Це не файл «Відкритого села»', 'This is not an Open Village file'),
  damaged: () =>
    problem(
      '',
      'damaged',
      'Файл пошкоджений, неповний або змінений після створення: нічого не імпортовано. Візьміть іншу копію',
      'The file is damaged, incomplete or was changed after it was made: nothing was imported. Use another copy',
    ),
  wrongPassphrase: () =>
    problem(
      '',
      'wrong-passphrase',
      'Неправильний пароль до файлу: нічого не імпортовано. Перевірте розкладку клавіатури й Caps Lock і спробуйте ще раз',
      'Wrong passphrase for this file: nothing was imported. Check the keyboard layout and Caps Lock and try again',
    ),
  weakProtection: () =>
    problem(
      '',
      'weak-protection',
      'Захист цього файлу слабший, ніж створює «Відкрите село»: файл змінено або створено не цією програмою. Нічого не імпортовано',
      'This file is protected more weakly than Open Village makes files: it was changed or not made by this app. Nothing was imported',
    ),
  newer: (appVersion: string) =>
    problem(
      '',
      'newer-version',
      `Файл створено новішою версією програми (${appVersion}): оновіть програму`,
      `The file was made by a newer version of the app (${appVersion}): update the app`,
    ),
  notBackup: () =>
    problem(
      '',
      'wrong-kind',
      'Це файл перенесення, а не резервна копія: імпортуйте його в розділі «Файл перенесення»',
      'This is a transfer file, not a backup: import it under "Transfer file"',
    ),
  notTransfer: () =>
    problem(
      '',
      'wrong-kind',
      'Це резервна копія, а не файл перенесення: відновіть її в розділі «Резервна копія»',
      'This is a backup, not a transfer file: restore it under "Backup"',
    ),
  otherVillageBackup: (village: string) =>
    problem(
      '',
      'wrong-village',
      `Це резервна копія іншого робочого місця (${village}): на налаштований комп’ютер її не відновити`,
      `This is the backup of another workplace (${village}): it cannot be restored on a PC that is set up`,
    ),
  otherVillage: (village: string) =>
    problem(
      '',
      'wrong-village',
      `Цей файл перенесення призначено для іншого села (${village})`,
      `This transfer file is meant for another village (${village})`,
    ),
  otherCommunity: (community: string) =>
    problem(
      '',
      'wrong-community',
      `Цей файл належить іншій громаді (${community})`,
      `This file belongs to another community (${community})`,
    ),
  wrongDirection: () =>
    problem(
      '',
      'wrong-direction',
      'Цей файл створено тут для передачі в інше місце: його імпортують там, а не тут',
      'This file was made here to be taken elsewhere: it is imported there, not here',
    ),
  noCommunity: () =>
    problem(
      '',
      'no-community',
      'Спершу вкажіть код громади (його дає рада)',
      'First enter the community code (given by the council)',
    ),
  notSetUp: () =>
    problem(
      '',
      'not-set-up',
      'Спершу налаштуйте робоче місце або відновіть резервну копію',
      'First set up the workplace or restore a backup',
    ),
  invalidDocument: (collection: string, id: string, detail: string) =>
    problem(
      '',
      'invalid-document',
      `Запис ${collection}/${id} у файлі неправильний (${detail}): нічого не імпортовано`,
      `Record ${collection}/${id} in the file is invalid (${detail}): nothing was imported`,
    ),
  foreignDocument: (collection: string, id: string) =>
    problem(
      '',
      'foreign-document',
      `Запис ${collection}/${id} належить іншому селу: нічого не імпортовано`,
      `Record ${collection}/${id} belongs to another village: nothing was imported`,
    ),
} satisfies Record<string, (...args: never[]) => Problem>;
