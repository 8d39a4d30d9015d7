import { Body1, makeStyles, Spinner, Subtitle2, tokens, typographyStyles } from '@fluentui/react-components';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { trendPath } from '../../adoption/queries';
import type { Community, Figures, Period, Trend } from '../../adoption/types';
import { useLoad } from '../../adoption/use-load';
import { useSession } from '../../session';
import { CommunityList } from './CommunityList';
import { DeviceList } from './DeviceList';
import { FigureTiles } from './FigureTiles';
import { TrendChart } from './TrendChart';
import { TrendTable } from './TrendTable';

const useStyles = makeStyles({
  detail: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, padding: tokens.spacingHorizontalL,
    '& p': { margin: 0 },
    borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere', ':focus': { outlineStyle: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  communities: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', gap: tokens.spacingHorizontalXL },
});

/** What the details are about: one unit (with its own key figures) or the whole municipality. */
export interface DetailSubject {
  /** null: the whole municipality. */
  unitId: string | null;
  name: string;
  figures: Figures;
  /** Shown as tiles for a unit; the municipality's already stand at the top of the page. */
  showFigures: boolean;
  communities: Community[];
}

/** A unit's (or the municipality's) trend, devices and teams and communities. */
export function UnitDetail(props: { subject: DetailSubject; period: Period; minGroupSize: number; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { subject } = props;
  return (
    <section className={styles.detail} aria-labelledby="adoption-detail-heading" data-testid="unit-detail">
      {/* Focusable from script: choosing a unit in the table moves here, so the details are seen and read. */}
      <h2 id="adoption-detail-heading" ref={props.headingRef} tabIndex={-1} className={styles.heading}>
        {t('adoption.detail', { name: subject.name })}
      </h2>
      {subject.showFigures && <FigureTiles figures={subject.figures} testId="unit-figures" />}
      <div className={styles.part}>
        <Subtitle2 as="h3">{t('adoption.trend.heading')}</Subtitle2>
        <TrendPart key={`${props.period}|${subject.unitId}`} unitId={subject.unitId} name={subject.name} period={props.period} minGroupSize={props.minGroupSize} />
      </div>
      <div className={styles.part}>
        <Subtitle2 as="h3">{t('adoption.devices.heading')}</Subtitle2>
        <DeviceList devices={subject.figures.devices} staff={subject.figures.staff} />
      </div>
      <div className={styles.communities}>
        <CommunityList kind="teams" communities={subject.communities} minGroupSize={props.minGroupSize} />
        <CommunityList kind="engage" communities={subject.communities} minGroupSize={props.minGroupSize} />
      </div>
    </section>
  );
}

/** Loads and shows the trend: the chart, and the same figures as a table. */
function TrendPart(props: { unitId: string | null; name: string; period: Period; minGroupSize: number }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const trend = useLoad(`${props.period}|${props.unitId}`, () => api.get<Trend>(trendPath(props.period, props.unitId)));
  if (trend.kind === 'loading') return <Spinner size="small" labelPosition="after" label={t('adoption.trend.loading')} />;
  if (trend.kind === 'failed') return <Body1 role="alert">{t('adoption.trend.failed')}</Body1>;
  const { points } = trend.data;
  return (
    <>
      {points.filter((p) => !p.suppressed).length < 2 && <Body1 as="p">{t('adoption.trend.tooFew')}</Body1>}
      {points.some((p) => !p.suppressed) && <TrendChart points={points} name={props.name} />}
      <TrendTable points={points} minGroupSize={props.minGroupSize} />
    </>
  );
}
