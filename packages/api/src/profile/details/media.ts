import type { profiles } from '@career-nexus/db';
import type { Services } from '../../context.ts';

/** Where the server serves the images it ships with. */
export const ASSETS_PATH = '/assets/';

/** The images a profile shows until its member uploads their own. */
export const defaultImages = {
  profilePhoto: 'default-profile-photo.png',
  coverPhoto: 'default-cover-photo.png',
} as const;

/** What a media field shows when there is no file. */
export const ABSENT = 'N/A';

type MediaKeys = Pick<
  typeof profiles.$inferSelect,
  'profilePhoto' | 'coverPhoto' | 'introVideo' | 'resume'
>;

export type MediaUrls = { [K in keyof MediaKeys]: string };

/** The absolute URL of each media field: stored keys through storage, else a default or "N/A". */
export function mediaUrlsOf(
  { storage, settings }: Pick<Services, 'storage' | 'settings'>,
  keys: MediaKeys,
): MediaUrls {
  const asset = (name: string) => `${settings.publicUrl}${ASSETS_PATH}${name}`;
  const stored = (key: string | null, absent: string) => (key ? storage.url(key) : absent);
  return {
    profilePhoto: stored(keys.profilePhoto, asset(defaultImages.profilePhoto)),
    coverPhoto: stored(keys.coverPhoto, asset(defaultImages.coverPhoto)),
    introVideo: stored(keys.introVideo, ABSENT),
    resume: stored(keys.resume, ABSENT),
  };
}
