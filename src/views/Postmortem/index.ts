export { PostmortemDraftButton } from './PostmortemDraftButton';
