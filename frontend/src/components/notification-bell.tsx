import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { components } from '@/api/schema';
import { readableError } from '@/lib/api-client';
import { formatDate, formatNumber } from '@/lib/format';
import { useSession } from '@/lib/auth';
import { useLanguage } from '@/lib/i18n';
import {
  useGetNotifications,
  useGetUnreadCount,
  useMarkNotificationsRead,
} from '@/lib/notifications';

type Notification = components['schemas']['Notification'];

const listSize = 10;

/**
 * The bell in the app header: how many of the person's notifications are unread, and, opened, the newest of
 * them. Opening one marks it read and goes where it leads.
 */
export function NotificationBell() {
  // The header also frames error pages, which may be shown without a session.
  return useSession().status === 'signed-in' ? <Bell /> : null;
}

function Bell() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unreadQuery = useGetUnreadCount();
  const unread = unreadQuery.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    function onPointer(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const label =
    unread > 0
      ? t('notifications.buttonUnread', { count: unread, shown: formatNumber(unread, lang) })
      : t('notifications.button');

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label={label}
        title={label}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : formatNumber(unread, lang)}
          </span>
        )}
      </button>
      {open && (
        <NotificationPanel id={`${id}-panel`} unread={unread} onClose={() => setOpen(false)} />
      )}
    </div>
  );
}

function NotificationPanel({
  id,
  unread,
  onClose,
}: {
  id: string;
  unread: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const listQuery = useGetNotifications(listSize);
  const markRead = useMarkNotificationsRead();
  const items = listQuery.data?.items ?? [];

  function follow(notification: Notification) {
    if (!notification.readAt) markRead.mutate([notification.id]);
    onClose();
    if (notification.link) void navigate(notification.link);
  }

  return (
    <section id={id} className="notification-panel" aria-labelledby={`${id}-heading`}>
      <div className="notification-panel-head">
        <h2 id={`${id}-heading`}>{t('notifications.title')}</h2>
        {unread > 0 && (
          <button
            type="button"
            className="button"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            {t('notifications.markAllRead')}
          </button>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {unread > 0
          ? t('notifications.unreadCount', { count: unread })
          : t('notifications.noneUnread')}
      </p>
      {listQuery.isPending && <p className="muted">{t('notifications.loading')}</p>}
      {listQuery.isError && <p className="field-error">{readableError(listQuery.error)}</p>}
      {markRead.isError && <p className="field-error">{readableError(markRead.error)}</p>}
      {listQuery.isSuccess && items.length === 0 && (
        <p className="muted">{t('notifications.empty')}</p>
      )}
      {items.length > 0 && (
        <ul className="notification-list">
          {items.map((notification) => (
            <li
              key={notification.id}
              className={notification.readAt ? 'notification' : 'notification notification-unread'}
            >
              <button
                type="button"
                className="notification-item"
                onClick={() => follow(notification)}
              >
                <span className="notification-title">
                  {!notification.readAt && (
                    <span className="visually-hidden">{t('notifications.unreadMark')}</span>
                  )}
                  {notification.title}
                </span>
                <span className="notification-body">{notification.body}</span>
                <span className="notification-date muted">
                  {formatDate(notification.createdAt, lang)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
