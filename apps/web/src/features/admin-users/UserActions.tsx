import type { AdminUserDetail, Role } from '@9tangle/contracts';
import { Roles } from '@9tangle/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog.tsx';
import { SelectField } from '../../components/ui/SelectField.tsx';
import { AnonymiseDialog } from './AnonymiseDialog.tsx';
import { useDeleteUser, useImpersonate, usePatchUser } from './admin-users-queries.ts';
import { useAdminUsersError } from './use-admin-error.ts';

type Pending = 'role' | 'suspend' | 'impersonate' | 'anonymise' | 'delete' | null;

/** What an admin can do to an account: role, suspension, sign in as, anonymise, delete. */
export function UserActions({
  detail,
  isSelf,
  onDone,
}: {
  detail: AdminUserDetail;
  isSelf: boolean;
  /** A change succeeded: the parent shows the message (this component is remounted with the new state). */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useAdminUsersError();
  const navigate = useNavigate();
  const { user } = detail;
  const [role, setRole] = useState<Role>(user.role);
  const [pending, setPending] = useState<Pending>(null);
  const patch = usePatchUser(user.id);
  const impersonate = useImpersonate(user.id);
  const remove = useDeleteUser(user.id);
  const error = patch.error ?? impersonate.error ?? remove.error;
  const isAnonymised = user.status === 'anonymised';
  const isSuspended = user.suspendedAt !== null;
  const canSignInAs = !isSelf && !isAnonymised && !isSuspended && user.role !== 'admin';
  const close = () => setPending(null);
  const run = (fn: () => Promise<unknown>, message: string) => {
    fn().then(() => {
      close();
      onDone(message);
    }, close);
  };

  if (isSelf) return <p className="text-sm text-slate-700">{t('adminUsers.actions.self')}</p>;
  if (isAnonymised) return <p className="text-sm text-slate-700">{t('adminUsers.actions.anonymisedNote')}</p>;

  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (role !== user.role) setPending('role');
        }}
      >
        <SelectField
          label={t('adminUsers.actions.role')}
          name="role"
          className="w-44"
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          options={Roles.map((r) => ({ value: r, label: t(`adminUsers.roles.${r}`) }))}
        />
        <Button type="submit" variant="secondary" disabled={role === user.role}>
          {t('adminUsers.actions.changeRole')}
        </Button>
      </form>
      <div className="flex flex-wrap gap-3">
        <Button variant={isSuspended ? 'secondary' : 'danger'} onClick={() => setPending('suspend')}>
          {isSuspended ? t('adminUsers.actions.unsuspend') : t('adminUsers.actions.suspend')}
        </Button>
        {canSignInAs ? (
          <Button variant="secondary" onClick={() => setPending('impersonate')}>
            {t('adminUsers.actions.signInAs')}
          </Button>
        ) : null}
        <Button variant="danger" onClick={() => setPending('anonymise')}>
          {t('adminUsers.actions.anonymise')}
        </Button>
        {detail.canDelete ? (
          <Button variant="danger" onClick={() => setPending('delete')}>
            {t('adminUsers.actions.delete')}
          </Button>
        ) : null}
      </div>
      {!detail.canDelete ? (
        <p className="text-sm text-slate-600">{t('adminUsers.actions.cannotDelete')}</p>
      ) : null}

      <ConfirmDialog
        open={pending === 'role'}
        tone="primary"
        title={t('adminUsers.actions.roleTitle')}
        description={t('adminUsers.actions.roleBody', {
          name: user.name,
          from: t(`adminUsers.roles.${user.role}`),
          to: t(`adminUsers.roles.${role}`),
        })}
        confirmLabel={t('adminUsers.actions.changeRole')}
        isBusy={patch.isPending}
        onCancel={close}
        onConfirm={() => run(() => patch.mutateAsync({ role }), t('adminUsers.actions.roleDone'))}
      />
      <ConfirmDialog
        open={pending === 'suspend'}
        tone={isSuspended ? 'primary' : 'danger'}
        title={isSuspended ? t('adminUsers.actions.unsuspendTitle') : t('adminUsers.actions.suspendTitle')}
        description={
          isSuspended
            ? t('adminUsers.actions.unsuspendBody', { name: user.name })
            : t('adminUsers.actions.suspendBody', { name: user.name })
        }
        confirmLabel={isSuspended ? t('adminUsers.actions.unsuspend') : t('adminUsers.actions.suspend')}
        isBusy={patch.isPending}
        onCancel={close}
        onConfirm={() =>
          run(
            () => patch.mutateAsync({ suspended: !isSuspended }),
            isSuspended ? t('adminUsers.actions.unsuspendDone') : t('adminUsers.actions.suspendDone'),
          )
        }
      />
      <ConfirmDialog
        open={pending === 'impersonate'}
        tone="primary"
        title={t('adminUsers.actions.signInAsTitle', { name: user.name })}
        description={t('adminUsers.actions.signInAsBody')}
        confirmLabel={t('adminUsers.actions.signInAs')}
        isBusy={impersonate.isPending}
        onCancel={close}
        onConfirm={() => impersonate.mutate(undefined, { onError: close })}
      />
      <ConfirmDialog
        open={pending === 'delete'}
        title={t('adminUsers.actions.deleteTitle')}
        description={t('adminUsers.actions.deleteBody', { email: user.email })}
        confirmLabel={t('adminUsers.actions.delete')}
        isBusy={remove.isPending}
        onCancel={close}
        onConfirm={() => remove.mutateAsync().then(() => navigate('/admin/users'), close)}
      />
      <AnonymiseDialog
        open={pending === 'anonymise'}
        userId={user.id}
        email={user.email}
        onClose={close}
        onDone={() => {
          close();
          onDone(t('adminUsers.actions.anonymiseDone'));
        }}
      />
    </div>
  );
}
