import { Body1, Button, Caption1, Field, Input, Link, makeStyles, Spinner, Subtitle1, Subtitle2, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';
import { ApiError } from '../../api';
import { useReachFormat } from '../../announcements/format';
import { CHANNEL_LINK_PROBLEMS, channelPostsPath, POST_LINK_PROBLEMS, postsPath, usePostsElsewhere, type PostElsewhere } from '../../announcements/posts';
import { useSession } from '../../session';
import { useAction } from '../../surveys/hooks';
import { ProblemBar } from '../surveys/ProblemBar';
import { LoadProblem } from './LoadProblem';
import { PostUnitTable } from './PostUnitTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& h2, & h3, & p': { margin: 0 } },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, maxWidth: '48rem' },
  field: { flexGrow: 1, minWidth: 'min(100%, 16rem)' },
  post: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  link: { overflowWrap: 'anywhere' },
  totals: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS, margin: 0, '& dd': { margin: 0, fontWeight: tokens.fontWeightSemibold } },
  total: { display: 'flex', flexDirection: 'column' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * Posts made elsewhere that the announcement's reach follows: a Teams channel post (reactions and
 * replies per unit) or a SharePoint news page (unique viewers, which SharePoint gives only in total).
 * Communicators add one by its link; the server reads it through Graph before keeping it.
 */
export function PostsElsewhereSection(props: { announcementId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const posts = usePostsElsewhere(props.announcementId, version);
  const loaded = posts.kind === 'ready' ? posts.data : posts.kind === 'loading' ? posts.previous : undefined;
  return (
    <section className={styles.section} aria-labelledby="posts-elsewhere" data-testid="posts-elsewhere">
      <Subtitle1 as="h2" id="posts-elsewhere">{t('announcements.posts.heading')}</Subtitle1>
      <Body1 as="p" className={styles.note}>{t('announcements.posts.intro')}</Body1>
      {props.canManage && (
        <>
          <LinkForm form="follow" path={postsPath(props.announcementId)} known={POST_LINK_PROBLEMS} onAdded={() => setVersion((v) => v + 1)} />
          <LinkForm form="channel" path={channelPostsPath(props.announcementId)} known={CHANNEL_LINK_PROBLEMS} onAdded={() => setVersion((v) => v + 1)} />
        </>
      )}
      {posts.kind === 'failed' && <LoadProblem error={posts.error} onRetry={posts.retry} what="reach" />}
      {posts.kind !== 'failed' && !loaded && <Spinner label={t('announcements.posts.loading')} />}
      {loaded && loaded.posts.length === 0 && <Body1 as="p">{t('announcements.posts.none')}</Body1>}
      {loaded?.posts.map((post, index) => <PostFigures key={post.id} post={post} index={index} minGroupSize={loaded.minGroupSize} />)}
    </section>
  );
}

/**
 * A link and a button: following a post made elsewhere (`follow`), or having the bot post the
 * announcement in a channel (`channel`). Refusals the reader can act on are explained beside the field
 * in their language; anything else as the server said it.
 */
function LinkForm(props: { form: 'follow' | 'channel'; path: string; known: readonly string[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const styles = useStyles();
  const [link, setLink] = useState('');
  const add = useAction();
  const known = add.error instanceof ApiError && props.known.includes(add.error.code) ? add.error.code : null;
  const text = (key: string) => t(`announcements.posts.${props.form}.${key}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.run(() => api.post(props.path, { link })).then((added) => {
      if (!added) return;
      setLink('');
      props.onAdded();
    });
  };
  return (
    <>
      <form className={styles.form} onSubmit={submit} data-print="hide" noValidate>
        <Field
          className={styles.field}
          label={text('label')}
          hint={text('hint')}
          validationMessage={known ? t(`announcements.posts.errors.${known}`) : undefined}
          required
        >
          <Input id={`post-${props.form}-link`} type="url" inputMode="url" placeholder="https://" value={link} onChange={(_, data) => setLink(data.value)} />
        </Field>
        <Button type="submit" appearance={props.form === 'follow' ? 'primary' : 'secondary'} disabledFocusable={add.busy || link.trim() === ''}>
          {add.busy ? text('busy') : text('button')}
        </Button>
      </form>
      {!known && <ProblemBar error={add.error} title={text('failed')} />}
    </>
  );
}

function PostFigures(props: { post: PostElsewhere; index: number; minGroupSize: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const reachFormat = useReachFormat();
  const { post } = props;
  const headingId = `post-elsewhere-${props.index}`;
  return (
    <article className={styles.post} aria-labelledby={headingId} data-testid="post-elsewhere" data-kind={post.kind}>
      <Subtitle2 as="h3" id={headingId}>{t(`announcements.posts.kind.${post.kind}`)}</Subtitle2>
      <Link className={styles.link} href={post.link} target="_blank" rel="noreferrer">{post.link}</Link>
      <Caption1 className={styles.note}>
        {post.refreshedAt ? t('announcements.posts.refreshed', { date: reachFormat.hour(post.refreshedAt) }) : t('announcements.posts.notYet')}
      </Caption1>
      {post.problem && <Caption1 className={styles.warning} role="note">{t(`announcements.posts.stale.${post.problem === 'post_not_found' || post.problem === 'post_not_permitted' ? post.problem : 'other'}`)}</Caption1>}
      {post.page && (
        <dl className={styles.totals}>
          <div className={styles.total}><dt><Caption1>{t('announcements.posts.viewers')}</Caption1></dt><dd>{format.number(post.page.viewers)}</dd></div>
          <div className={styles.total}><dt><Caption1>{t('announcements.posts.views')}</Caption1></dt><dd>{format.number(post.page.views)}</dd></div>
        </dl>
      )}
      {post.page && <Caption1 className={styles.note}>{t('announcements.posts.pageNote')}</Caption1>}
      {post.channel && (
        <>
          {post.channel.whole ? (
            <dl className={styles.totals}>
              {(['reactions', 'replies', 'people'] as const).map((column) => (
                <div key={column} className={styles.total}><dt><Caption1>{t(`announcements.posts.columns.${column}`)}</Caption1></dt><dd>{format.number(post.channel!.whole![column])}</dd></div>
              ))}
            </dl>
          ) : (
            <Caption1 className={styles.note}>{t('announcements.posts.wholeHidden', { minGroupSize: props.minGroupSize })}</Caption1>
          )}
          {post.channel.units.length > 0 && <PostUnitTable units={post.channel.units} minGroupSize={props.minGroupSize} labelledBy={headingId} />}
        </>
      )}
    </article>
  );
}
