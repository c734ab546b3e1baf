import type { UserDto } from '@9tangle/contracts';
import { cn } from './cn.ts';

const sizes = { sm: 'size-8 text-xs', lg: 'size-20 text-2xl' } as const;

/** The first letter of the first and last words ("Ada Lovelace" → "AL"), skipping punctuation. */
function initialsOf(name: string): string {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'-]*/gu) ?? [];
  const picked = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  const initials = picked.map((word) => Array.from(word ?? '')[0] ?? '').join('');
  return initials.toUpperCase() || '?';
}

type AvatarProps = {
  user: Pick<UserDto, 'name' | 'avatarUrl'>;
  size?: keyof typeof sizes;
  src?: string | null;
};

/** The user's photo, or their initials on an indigo disc; decorative (the name is shown beside it). */
export function Avatar({ user, size = 'sm', src }: AvatarProps) {
  const url = src ?? user.avatarUrl;
  if (url) {
    return <img src={url} alt="" className={cn('shrink-0 rounded-full object-cover', sizes[size])} />;
  }
  return (
    <span
      aria-hidden="true"
      className={cn(
        'grid shrink-0 place-items-center rounded-full bg-indigo-100 font-semibold text-indigo-800',
        sizes[size],
      )}
    >
      {initialsOf(user.name)}
    </span>
  );
}
