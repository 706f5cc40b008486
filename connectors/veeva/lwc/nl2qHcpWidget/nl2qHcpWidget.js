import { LightningElement, api } from 'lwc';
import widgetLink from '@salesforce/apex/Nl2qWidgetLink.issue';

// Hub origin: also listed in the org's CSP Trusted Sites (frame-src) and Remote Site Settings (for the Apex callout).
const HUB_ORIGIN = 'https://hub.example.com';

export default class Nl2qHcpWidget extends LightningElement {
    @api recordId;
    src;
    lastInsight;

    async connectedCallback() {
        // Apex calls POST /api/v1/crm/widget-links with the org's integration key (Named Credential) and returns url
        const url = await widgetLink({ crmAccountId: this.recordId });
        this.src = HUB_ORIGIN + url;
        this.listener = (event) => {
            if (event.origin !== HUB_ORIGIN || !event.data || event.data.type !== 'nl2q.insight') {
                return;
            }
            if (event.data.crmAccountId === this.recordId) {
                this.lastInsight = event.data.insight;
            }
        };
        window.addEventListener('message', this.listener);
    }

    disconnectedCallback() {
        window.removeEventListener('message', this.listener);
    }
}
