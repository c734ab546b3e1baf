import type { TeamMemberDto } from '@9tangle/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageMeta } from '../../components/PageMeta.tsx';
import { Alert } from '../../components/ui/Alert.tsx';
import { Avatar } from '../../components/ui/Avatar.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { useErrorMessage } from '../../lib/use-error-message.ts';
import { AdminOnly } from '../admin-shop/AdminOnly.tsx';
import { siteTeamKey } from '../content/content-queries.ts';
import { deleteTeamMember, listTeam, moved, reorderTeam, updateTeamMember } from './admin-content-api.ts';
import { adminTeamKey, TeamMemberDialog } from './TeamMemberDialog.tsx';

/** `/admin/team`: the About page's team — add, edit, reorder, hide and remove members. */
export function AdminTeamPage() {
  return (
    <AdminOnly>
      <TeamEditor />
    </AdminOnly>
  );
}

function TeamEditor() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const client = useQueryClient();
  const team = useQuery({ queryKey: adminTeamKey, queryFn: listTeam });
  const [editing, setEditing] = useState<TeamMemberDto | 'new' | null>(null);
  const [removing, setRemoving] = useState<TeamMemberDto | null>(null);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: adminTeamKey }),
      client.invalidateQueries({ queryKey: siteTeamKey }),
    ]);
  const act = useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: refresh });
  const items = team.data?.items ?? [];
  const ids = items.map((m) => m.id);

  return (
    <>
      <PageMeta
        title={t('adminContent.team.title')}
        description={t('adminContent.team.description')}
        noIndex
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t('adminContent.team.title')}</h1>
          <p className="mt-1 text-slate-700">{t('adminContent.team.description')}</p>
        </div>
        <Button onClick={() => setEditing('new')}>{t('adminContent.team.add')}</Button>
      </div>
      <div aria-live="polite" className="mt-4">
        {team.error || act.error ? <Alert tone="error">{errorMessage(team.error ?? act.error)}</Alert> : null}
      </div>
      {team.isPending ? <p className="mt-6 text-slate-700">{t('common.loading')}</p> : null}
      {!team.isPending && items.length === 0 ? (
        <p className="mt-6 text-slate-700">{t('adminContent.team.empty')}</p>
      ) : null}
      <ol className="mt-6 space-y-3">
        {items.map((m, i) => (
          <li
            key={m.id}
            className="flex flex-wrap items-center gap-4 rounded-2xl border border-slate-200 bg-white p-4"
          >
            <Avatar user={{ name: m.name, avatarUrl: m.photoUrl }} size="lg" />
            <div className="min-w-0 flex-1">
              <p className="font-semibold text-slate-900">
                {m.name}
                {m.isVisible ? null : (
                  <span className="ms-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">
                    {t('adminContent.hidden')}
                  </span>
                )}
              </p>
              <p className="text-sm text-slate-700">{m.role}</p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button
                size="sm"
                variant="secondary"
                disabled={i === 0 || act.isPending}
                aria-label={t('adminContent.moveUp', { name: m.name })}
                onClick={() => act.mutate(() => reorderTeam(moved(ids, i, i - 1)))}
              >
                ↑
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={i === items.length - 1 || act.isPending}
                aria-label={t('adminContent.moveDown', { name: m.name })}
                onClick={() => act.mutate(() => reorderTeam(moved(ids, i, i + 1)))}
              >
                ↓
              </Button>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => act.mutate(() => updateTeamMember(m.id, { isVisible: !m.isVisible }))}
              >
                {m.isVisible ? t('adminContent.hide') : t('adminContent.show')}
                <span className="sr-only"> — {m.name}</span>
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setEditing(m)}>
                {t('adminContent.edit')}
                <span className="sr-only"> — {m.name}</span>
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setRemoving(m)}>
                {t('adminContent.delete')}
                <span className="sr-only"> — {m.name}</span>
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {editing ? (
        <TeamMemberDialog member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('adminContent.team.deleteTitle')}
        description={t('adminContent.team.deleteBody', { name: removing?.name ?? '' })}
        confirmLabel={t('adminContent.delete')}
        isBusy={act.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing?.id;
          if (id) act.mutate(() => deleteTeamMember(id), { onSettled: () => setRemoving(null) });
        }}
      />
    </>
  );
}
