#include "app/core/presentationdialogs.h"

#include "app/core/screenfit.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QScreen>

namespace fluxolab::app {

namespace {

/// An application-wide event filter, alive only while the owner is in presentation mode: a dialog
/// is polished (QEvent::Polish comes before its first size is computed) with the presentation
/// font, and when it is shown, kept within the screen.
class DialogPresenter : public QObject {
public:
    explicit DialogPresenter(QWidget* owner) : QObject(owner), m_owner(owner) {
        setObjectName(QStringLiteral("fluxolabDialogPresenter"));
        qApp->installEventFilter(this); // removed when this object is destroyed
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        const QEvent::Type type = event->type();
        if (type != QEvent::Polish && type != QEvent::Show) return false;
        auto* dialog = qobject_cast<QDialog*>(watched);
        if (!dialog || !dialog->isWindow() || !opensFrom(dialog)) return false;
        if (type == QEvent::Polish) presentDialog(dialog);
        else fit(dialog);
        return false;
    }

private:
    bool opensFrom(const QWidget* dialog) const {
        for (const QWidget* w = dialog->parentWidget(); w; w = w->parentWidget())
            if (w == m_owner) return true;
        return false;
    }

    static void fit(QDialog* dialog) {
        QScreen* screen = dialog->screen() ? dialog->screen() : QGuiApplication::primaryScreen();
        if (!screen) return;
        const QRect available = screen->availableGeometry();
        // A form too wide for the screen at the larger font (the trace dialog's long labels and
        // combo boxes in Portuguese): its long rows put the label above the field.
        if (dialog->minimumSizeHint().width() > available.width() - kFrameAllowanceW) {
            for (QFormLayout* form : dialog->findChildren<QFormLayout*>()) form->setRowWrapPolicy(QFormLayout::WrapLongRows);
            if (dialog->layout()) dialog->layout()->activate();
        }
        // A size the dialog gave itself (the gallery's 900×560) was chosen for the normal font: it
        // grows with the text.
        QSize want = dialog->size();
        if (dialog->testAttribute(Qt::WA_Resized)) want = want * (kPresentationPointSize / kNormalPointSize);
        want = want.expandedTo(dialog->minimumSizeHint());
        const QSize size = fittedSize(want, available);
        if (size != dialog->size()) dialog->resize(size);
    }

    QWidget* m_owner;
};

} // namespace

void presentDialog(QDialog* dialog) {
    QFont f = dialog->font();
    f.setPointSizeF(kPresentationPointSize);
    dialog->setFont(f);
}

void setDialogsPresentation(QWidget* owner, bool on) {
    QObject* presenter = owner->findChild<QObject*>(QStringLiteral("fluxolabDialogPresenter"), Qt::FindDirectChildrenOnly);
    if (on && !presenter) new DialogPresenter(owner);
    if (!on) delete presenter;
}

} // namespace fluxolab::app
