import type { Survey } from '../../api/resources/catalog';
import { lifecycle } from '../format';
import { surveyDetails } from '../detailText';
import { surveyText } from '../nodeText';
import { DetailedNode } from './detailNode';
import { lifecycleIcon } from './experimentNode';

/** A survey: status and type (popover, api, widget…); children are its details and questions. */
export class SurveyNode extends DetailedNode<Survey> {
  protected readonly kind = 'survey';
  protected text = () => surveyText(this.item);
  protected icon = () => lifecycleIcon(lifecycle(this.item));
  protected details = () => surveyDetails(this.item);
  protected override contextValue = () => `survey.${lifecycle(this.item)}`;

  webUrl(): string {
    return this.env.session.client.web.survey(this.projectId, this.item.id);
  }
}
